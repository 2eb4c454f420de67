/ a datetime literal may give just the hour after T
2024.01.02T09
/=> 2024.01.02T09:00:00.000
