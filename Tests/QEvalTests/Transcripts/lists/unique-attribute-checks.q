`u#`a`b
/=> `u#`a`b
`u#1 1
/=> 'u-fail
