/ casting floats to integral types rounds to the nearest, halves away from zero
`int$2.4 2.5 -2.5
/=> 2 3 -3i
`long$0n
/=> 0N
