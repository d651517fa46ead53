@echo off
rem Starts the Sketchfind desktop app on Windows (the shipped model and the demo photo collection).
rem Builds the app on first use. Windows brings everything JavaFX needs; a JDK 17 is all it takes.
setlocal
set ROOT=%~dp0
set JAR=%ROOT%app\target\sketchfind-app.jar
if not exist "%JAR%" (
  echo sketchfind-app: building ^(first use^)... 1>&2
  pushd "%ROOT%"
  call mvnw.cmd -B -q -pl app -am package -DskipTests -Dmaven.test.skip=true 1>&2
  if errorlevel 1 ( popd & echo sketchfind-app: build failed 1>&2 & exit /b 1 )
  popd
)
if "%SKETCHFIND_JAVA_OPTS%"=="" set SKETCHFIND_JAVA_OPTS=-Xmx4g
rem ND4J's OpenMP threads spin after every operation and slow ONNX Runtime down: wait passively (docs/backbone.md)
if not defined OMP_WAIT_POLICY set OMP_WAIT_POLICY=PASSIVE
java %SKETCHFIND_JAVA_OPTS% -Dorg.bytedeco.javacpp.maxbytes=8G -Dorg.bytedeco.javacpp.maxphysicalbytes=12G -Dsketchfind.root="%ROOT%." -cp "%JAR%;%ROOT%app\target\lib\*" org.sketchfind.app.Launcher %*
