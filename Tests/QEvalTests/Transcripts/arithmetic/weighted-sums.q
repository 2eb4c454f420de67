1 1 2 wsum 1 2 3
/=> 9f
1 1 2 wavg 1 2 3
/=> 2.25
1 0N 1 wavg 1 5 3
/=> 2f
