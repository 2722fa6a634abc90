SELECT a.leerling_id, count(*) FROM verzuim.afwezigheid a JOIN verzuim.school s ON s.brin = a.brin GROUP BY a.leerling_id
