/ any nonzero value casts to true
`boolean$-1 0 2
/=> 101b
