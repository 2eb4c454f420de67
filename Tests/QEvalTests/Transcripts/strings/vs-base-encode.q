/ base encoding: as many digits as needed for an atom base, one per item of a vector base
2 vs 10
/=> 1 0 1 0
24 60 60 vs 3723
/=> 1 2 3
10 vs 12 345
/=> 0 3
/=> 1 4
/=> 2 5
