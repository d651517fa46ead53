@echo off
rem Sketchfind command line for Windows. Builds the engine on first use, then runs it.
setlocal
set ROOT=%~dp0
set JAR=%ROOT%engine\target\sketchfind-engine.jar
if not exist "%JAR%" (
  echo sketchfind: building the engine ^(first use^)... 1>&2
  pushd "%ROOT%"
  call mvnw.cmd -B -q -pl engine -am package -DskipTests -Dmaven.test.skip=true 1>&2
  if errorlevel 1 ( popd & echo sketchfind: build failed 1>&2 & exit /b 1 )
  popd
)
if "%SKETCHFIND_JAVA_OPTS%"=="" set SKETCHFIND_JAVA_OPTS=-Xmx4g
rem quick commands (help, version, index status, datasets) load no model: the client compiler starts them faster
set QUICK=
if "%~1"=="" set QUICK=-XX:TieredStopAtLevel=1 -XX:+UseSerialGC
if "%~1"=="--help" set QUICK=-XX:TieredStopAtLevel=1 -XX:+UseSerialGC
if "%~1"=="--version" set QUICK=-XX:TieredStopAtLevel=1 -XX:+UseSerialGC
if "%~1"=="datasets" set QUICK=-XX:TieredStopAtLevel=1 -XX:+UseSerialGC
if "%~1 %~2"=="index status" set QUICK=-XX:TieredStopAtLevel=1 -XX:+UseSerialGC
rem ND4J's OpenMP threads spin after every operation and slow ONNX Runtime down: wait passively (docs/backbone.md)
if not defined OMP_WAIT_POLICY set OMP_WAIT_POLICY=PASSIVE
java %SKETCHFIND_JAVA_OPTS% %QUICK% -Dorg.bytedeco.javacpp.maxbytes=8G -Dorg.bytedeco.javacpp.maxphysicalbytes=12G -Dsketchfind.root="%ROOT%." -cp "%JAR%;%ROOT%engine\target\lib\*" org.sketchfind.engine.cli.Main %*
