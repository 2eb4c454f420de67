differ `a`a`b`b`a
/=> 10101b
