/ a clock literal out of any time's range is an error, not a crash
1000000000:0
/=> '1000000000:0
