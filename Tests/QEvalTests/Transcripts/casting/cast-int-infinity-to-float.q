/ integral infinities become the largest value of their width as floats
`float$0Wh
/=> 32767f
`float$0N
/=> 0n
