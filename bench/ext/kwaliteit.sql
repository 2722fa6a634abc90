SELECT count(*) FROM verzuim.registratiekwaliteit_rijen()
