/ sums treats nulls as zero, prds as one
sums 1 0N 4
/=> 1 1 5
prds 2 0N 5
/=> 2 2 10
mins 5 3 0N 4
/=> 5 3 3 3
maxs 1 0N 3 2
/=> 1 1 3 3
