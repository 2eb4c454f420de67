fills 0N 1 0N 0N 2
/=> 0N 1 1 1 2
fills 1.5 0n 0n
/=> 1.5 1.5 1.5
fills ``a``b
/=> ``a`a`b
