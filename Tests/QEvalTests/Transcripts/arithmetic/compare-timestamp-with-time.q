/ a timestamp compared with a clock type compares its time of day
2001.02.03D10:30:00.000000001=10:30:00.000
/=> 1b
2001.02.03D09:00 within 08:00 17:00
/=> 1b
