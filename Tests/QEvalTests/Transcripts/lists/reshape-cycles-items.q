2 3#1 2
/=> 1 2 1
/=> 2 1 2
count each 2 2 3#til 4
/=> 2 2
-1 2#til 4
/=> 'domain
