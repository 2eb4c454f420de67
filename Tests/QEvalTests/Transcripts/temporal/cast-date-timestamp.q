/ dates and timestamps convert through midnight
`timestamp$2020.02.29
/=> 2020.02.29D00:00:00.000000000
`date$2020.02.29D23:59:59.999999999
/=> 2020.02.29
