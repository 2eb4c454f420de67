avg 1 0N 3
/=> 2f
avg `int$()
/=> 0n
avgs 2 0N 4 6
/=> 2 2 3 4f
