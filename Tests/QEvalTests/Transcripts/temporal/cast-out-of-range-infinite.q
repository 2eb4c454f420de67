/ a date beyond the timestamp range casts to an infinity
`timestamp$1600.01.01
/=> -0Wp
