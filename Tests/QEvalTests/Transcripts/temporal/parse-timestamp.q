/ timestamps read a date then a time, or seconds since 1970
"P"$"2024.03.15D08:15:30.5"
/=> 2024.03.15D08:15:30.500000000
"P"$"86400"
/=> 1970.01.02D00:00:00.000000000
