@echo off
rem mcred for Windows (cmd.exe / PowerShell), the equivalent of ./mcred: builds the CLI jar when it is missing or
rem older than any source, then runs it with the given arguments. Needs Java 17+ on the PATH (or JAVA_HOME).
setlocal
set "MCRED_ROOT=%~dp0"
if "%MCRED_ROOT:~-1%"=="\" set "MCRED_ROOT=%MCRED_ROOT:~0,-1%"
set "MCRED_JAR=%MCRED_ROOT%\cli\target\mcred.jar"
set "MCRED_STALE="
if not exist "%MCRED_JAR%" (
  set "MCRED_STALE=yes"
) else (
  rem a file newer than the jar under pom.xml, core, vc, ctdl, elm, stacking, status-h2, server or cli (target folders excluded)
  powershell -NoProfile -ExecutionPolicy Bypass -Command ^
    "$r=$env:MCRED_ROOT; $t=(Get-Item -LiteralPath $env:MCRED_JAR).LastWriteTimeUtc;" ^
    "$n=@(Get-Item -LiteralPath (Join-Path $r 'pom.xml')) + @('core','vc','ctdl','elm','stacking','status-h2','server','cli' | ForEach-Object { Get-ChildItem -LiteralPath (Join-Path $r $_) -Recurse -File -ErrorAction SilentlyContinue | Where-Object { $_.FullName -notmatch '[\\/]target[\\/]' } });" ^
    "if ($n | Where-Object { $_.LastWriteTimeUtc -gt $t } | Select-Object -First 1) { exit 1 } else { exit 0 }"
  if errorlevel 1 set "MCRED_STALE=yes"
)
if defined MCRED_STALE (
  echo mcred: building the CLI ^(first run or sources changed^)... 1>&2
  pushd "%MCRED_ROOT%"
  call "%MCRED_ROOT%\mvnw.cmd" -B -ntp -DskipTests -Dmaven.javadoc.skip=true -Dmaven.source.skip=true -pl cli -am package 1>&2
  if errorlevel 1 (
    popd
    echo mcred: build failed 1>&2
    exit /b 2
  )
  popd
)
set "MCRED_JAVA=java"
if defined JAVA_HOME set "MCRED_JAVA=%JAVA_HOME%\bin\java"
"%MCRED_JAVA%" %MCRED_JAVA_OPTS% -jar "%MCRED_JAR%" %*
exit /b %ERRORLEVEL%
