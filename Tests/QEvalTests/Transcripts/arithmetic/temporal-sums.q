/ dates and clocks meet as timestamps; same-type differences are counts or spans
2001.01.01+12:00:00.000
/=> 2001.01.01D12:00:00.000000000
2001.01.02-2001.01.01
/=> 1i
2001.01.01D00:00:01-2001.01.01D
/=> 0D00:00:01.000000000
00:01+00:00:30
/=> 00:01:30
