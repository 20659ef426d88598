// Parity program (test/parity/): a value tested with instanceof before an
// await is read as that class after it (cast, as AssemblyScript does not
// narrow on instanceof).
import { Timer, Duration, log, task } from "outpost";

class Shape {
  constructor(public id: i32) {}
}
class Circle extends Shape {
  constructor(id: i32, public r: i32) {
    super(id);
  }
}
class Square extends Shape {
  constructor(id: i32, public side: i32) {
    super(id);
  }
}

const shapes: StaticArray<Shape> = [new Circle(1, 3), new Square(2, 4), new Shape(3)];

async function area(s: Shape): Promise<i32> {
  if (s instanceof Circle) {
    await Timer.after(Duration.millis(1));
    return 3 * (s as Circle).r * (s as Circle).r;
  }
  if (s instanceof Square) {
    await Timer.after(Duration.millis(2));
    return (s as Square).side * (s as Square).side;
  }
  await Timer.after(Duration.millis(3));
  return -s.id;
}

export const user = task(1, async (): Promise<void> => {
  for (let i = 0; i < 3; i++) log.infoInt("instanceof-cast area", await area(shapes[i]));
});

export function main(): void {
  user.spawn();
}
