/ an integral null stays null through + - *
0N+1
/=> 0N
2*0N 3
/=> 0N 6
0Ni-1i
/=> 0Ni
