/ a list of equal-length lists shows as aligned columns; booleans stay one token
(1 2 3;100 200 300)
/=> 1   2   3
/=> 100 200 300
(101b;010b)
/=> 101b
/=> 010b
