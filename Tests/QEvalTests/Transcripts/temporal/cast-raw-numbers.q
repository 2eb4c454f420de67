/ numbers cast to temporal types as counts from 2000.01.01 or midnight
`date$31
/=> 2000.02.01
`month$13
/=> 2001.02m
`long$2000.01.03
/=> 2
