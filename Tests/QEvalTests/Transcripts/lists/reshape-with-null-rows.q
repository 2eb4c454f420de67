/ a null first dimension makes as many rows as needed, the last one short
0N 4#til 10
/=> 0 1 2 3
/=> 4 5 6 7
/=> 8 9
