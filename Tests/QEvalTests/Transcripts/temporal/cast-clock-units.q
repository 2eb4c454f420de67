/ clock types convert by truncating to the coarser unit
`minute$10:20:59
/=> 10:20
`time$10:20
/=> 10:20:00.000
