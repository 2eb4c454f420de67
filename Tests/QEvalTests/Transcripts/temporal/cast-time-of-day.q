/ clock types taken from a timestamp are its time of day
`minute$2021.07.31D13:45:59
/=> 13:45
`second$2021.07.31D13:45:59
/=> 13:45:59
