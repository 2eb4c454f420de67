/ a spaced list of 0s and 1s with a b suffix is a boolean vector
1 0 1b
/=> 101b
