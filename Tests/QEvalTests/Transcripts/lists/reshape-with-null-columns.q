/ a null second dimension spreads the items over that many rows, the rest in the last
2 0N#til 5
/=> 0 1
/=> 2 3 4
