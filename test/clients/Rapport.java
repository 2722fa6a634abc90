// JDBC client of the reporting views, as Metabase, Tableau and DBeaver use them
// (test/suites/82_clients.sh): reads the column comments through
// DatabaseMetaData.getColumns (REMARKS), queries the views as a gemeente role
// and as verzuim_publiek, and prints what it saw, one fact a line.
//   java -cp /usr/share/java/postgresql.jar Rapport.java URL USER_GEMEENTE USER_PUBLIEK
import java.sql.*;

public class Rapport {
    public static void main(String[] args) throws Exception {
        String url = args[0];
        try (Connection c = DriverManager.getConnection(url, args[1], "")) {
            DatabaseMetaData md = c.getMetaData();
            int n = 0, remarks = 0;
            try (ResultSet rs = md.getColumns(null, "verzuim", "leerplichttelling", null)) {
                while (rs.next()) {
                    n++;
                    String r = rs.getString("REMARKS");
                    if (r != null && !r.isEmpty()) remarks++;
                    if (rs.getString("COLUMN_NAME").equals("absoluut_teruggeleid"))
                        System.out.println("remark absoluut_teruggeleid: " + r);
                }
            }
            System.out.println("columns " + n + " with remarks " + remarks);
            try (ResultSet rs = md.getTables(null, "verzuim", "leerplichttelling", null)) {
                while (rs.next()) System.out.println("table " + rs.getString("TABLE_TYPE") + " remark " + (rs.getString("REMARKS") != null));
            }
            try (PreparedStatement ps = c.prepareStatement(
                     "SELECT gemeentecode, absoluut_verzuim, absoluut_teruggeleid FROM verzuim.leerplichttelling WHERE schooljaar = ? ORDER BY gemeentecode")) {
                ps.setString(1, "2023-2024");
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next())
                        System.out.println("telling " + rs.getString(1) + " " + rs.getLong(2) + " " + rs.getLong(3));
                }
            }
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT leerling_id, soort, duur_dagen FROM verzuim.thuiszitters('2024-04-15')")) {
                while (rs.next()) System.out.println("thuiszitter " + rs.getLong(1) + " " + rs.getString(2) + " " + rs.getInt(3));
            }
        }
        try (Connection c = DriverManager.getConnection(url, args[2], "")) {
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT count(*), count(absoluut_verzuim) FROM verzuim.publiek_leerplichttelling WHERE schooljaar = '2023-2024'")) {
                while (rs.next()) System.out.println("publiek rows " + rs.getLong(1) + " shown absoluut " + rs.getLong(2));
            }
            try (Statement st = c.createStatement()) {
                st.executeQuery("SELECT * FROM verzuim.leerplichttelling");
                System.out.println("publiek pupil view: readable");
            } catch (SQLException e) {
                System.out.println("publiek pupil view: " + e.getSQLState());
            }
        }
    }
}
