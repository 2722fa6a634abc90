SELECT a.leerling_id, count(*) FROM verzuim.afwezigheid a JOIN verzuim.school s ON s.brin = a.brin WHERE a.reden IN ('ongeoorloofd', 'luxe', 'te_laat') GROUP BY a.leerling_id
