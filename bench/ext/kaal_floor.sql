SELECT a.leerling_id, count(*) FROM verzuim.afwezigheid a GROUP BY a.leerling_id
