t:([]a:10 20 30 40)
select[2] from t
/=> a
/=> --
/=> 10
/=> 20
select[-1] from t
/=> a
/=> --
/=> 40
select[>a] from t where a<40
/=> a
/=> --
/=> 30
/=> 20
/=> 10
