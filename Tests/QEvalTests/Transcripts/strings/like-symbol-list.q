/ like over symbols and lists of strings gives a boolean per item
`apple`apricot`banana like "ap*"
/=> 110b
("one";"two";"three") like "t*"
/=> 011b
