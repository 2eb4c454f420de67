/ a float a hair below a whole number rounds up to it
floor 3-1e-14
/=> 3
floor 3-1e-10
/=> 2
ceiling 01b
/=> 0 1i
