/ % always gives floats, temporals by their underlying counts
7%2
/=> 3.5
1b%0b
/=> 0w
2010.01.01%2005.01.01
/=> 1.999453
