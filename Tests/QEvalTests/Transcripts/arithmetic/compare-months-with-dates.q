/ a month compares as its first day; calendar and clock types do not meet
2000.03m=2000.03.01
/=> 1b
2000.03m<2000.03.02
/=> 1b
2000.01.01<12:00
/=> 'type
