SELECT count(*) FROM verzuim.afwezigheid
