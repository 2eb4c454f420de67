/ a null or out-of-range number is not a type to cast to
0N$1
/=> 'type
99h$1
/=> 'type
