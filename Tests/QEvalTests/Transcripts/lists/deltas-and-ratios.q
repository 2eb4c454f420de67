deltas 5 7 12
/=> 5 2 5
deltas[1;5 7 12]
/=> 4 2 5
ratios 1 2 6
/=> 1 2 3f
