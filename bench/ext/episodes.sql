SELECT a.leerling_id, verzuim.episodes(a.datum, s.vakantieregio) AS episodes FROM verzuim.afwezigheid a JOIN verzuim.school s ON s.brin = a.brin GROUP BY a.leerling_id
