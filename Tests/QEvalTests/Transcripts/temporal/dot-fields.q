/ dotted names read fields of temporal variables
d:2024.03.15
d.year
/=> 2024i
d.month
/=> 2024.03m
d.dd
/=> 15i
d.week
/=> 2024.03.11
t:13:45:12.345
t.minute
/=> 13:45
t.hh
/=> 13i
