/ & and | return the higher type; char ranks above the numbers
100&"z"
/=> "d"
1b|2h
/=> 2h
1010b and 0110b
/=> 0010b
0N|3
/=> 3
