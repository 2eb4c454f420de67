/ negating booleans gives ints
neg 101b
/=> -1 0 -1i
neg 0N 5
/=> 0N -5
