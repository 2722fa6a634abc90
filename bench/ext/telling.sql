SELECT * FROM verzuim.leerplichttelling WHERE schooljaar = '2024-2025'
