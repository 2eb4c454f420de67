/ sum of small integral types is an int; nulls are skipped in vectors
sum 1 2 3h
/=> 6i
sum 1 0N 4
/=> 5
sum 2001.01.01 1
/=> 2001.01.02
sum (1 0N;2 3)
/=> 3 0N
