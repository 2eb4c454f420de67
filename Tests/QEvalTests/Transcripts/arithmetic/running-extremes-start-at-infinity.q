/ mins and maxs skip nulls; leading nulls give the starting infinity
maxs 0N 2 0N 1
/=> -0W 2 2 2
mins 0N 4 0N 5
/=> 0W 4 4 4
mins "cab"
/=> "caa"
