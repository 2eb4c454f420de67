/ a month casts to its first day, a date to its month
`date$2021.07m
/=> 2021.07.01
`month$2021.07.31
/=> 2021.07m
