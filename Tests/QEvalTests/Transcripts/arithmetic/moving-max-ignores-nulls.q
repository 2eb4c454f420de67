2 mmax 0N 1 0N 0N
/=> -0W 1 1 -0W
2 mmin 3 0N 2
/=> 3 0N 0N
