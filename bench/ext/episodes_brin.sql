SELECT a.leerling_id, verzuim.episodes_brin(a.datum, a.brin) AS episodes FROM verzuim.afwezigheid a GROUP BY a.leerling_id
